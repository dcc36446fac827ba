package io.tradecore.runner.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A loopback SMTP server (RFC 5321) for one user: EHLO with AUTH PLAIN and LOGIN, MAIL, RCPT, DATA
 * (dot-stuffing undone), RSET, NOOP, QUIT. While down it greets with 421 and hangs up, as a server
 * that is shutting down does.
 */
public final class FakeSmtp implements AutoCloseable {
  /** One message as delivered: envelope and the raw DATA. */
  public record Mail(String from, List<String> to, String data) {
    /** The value of a header, or null. */
    public String header(String name) {
      for (String line : data.split("\r\n")) {
        if (line.isEmpty()) {
          return null;
        }
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          return line.substring(name.length() + 1).strip();
        }
      }
      return null;
    }
  }

  private final String user;
  private final String password;
  private final ServerSocket socket;
  private final List<Mail> mails = new ArrayList<>();
  private volatile boolean down;

  public FakeSmtp(String user, String password) {
    this.user = user;
    this.password = password;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().daemon().name("fake-smtp").start(this::accept);
  }

  public int port() {
    return socket.getLocalPort();
  }

  public void down(boolean value) {
    this.down = value;
  }

  public synchronized List<Mail> mails() {
    return List.copyOf(mails);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread.ofPlatform().daemon().start(() -> session(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void session(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(s.getOutputStream(), false, StandardCharsets.UTF_8)) {
      if (down) {
        reply(out, "421 fake.smtp Service not available, closing transmission channel");
        return;
      }
      reply(out, "220 fake.smtp ESMTP ready");
      boolean authed = false;
      String from = null;
      List<String> to = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("EHLO")) {
          reply(out, "250-fake.smtp\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10485760");
        } else if (upper.startsWith("HELO")) {
          reply(out, "250 fake.smtp");
        } else if (upper.startsWith("AUTH PLAIN")) {
          String arg = line.length() > 11 ? line.substring(11).strip() : "";
          if (arg.isEmpty()) {
            reply(out, "334 ");
            arg = in.readLine();
          }
          String[] parts =
              new String(Base64.getDecoder().decode(arg), StandardCharsets.UTF_8).split("\0", -1);
          authed = parts.length == 3 && parts[1].equals(user) && parts[2].equals(password);
          reply(out, authed ? "235 2.7.0 Authentication successful" : "535 5.7.8 Bad credentials");
        } else if (upper.startsWith("AUTH LOGIN")) {
          reply(out, "334 VXNlcm5hbWU6");
          String u = decode(in.readLine());
          reply(out, "334 UGFzc3dvcmQ6");
          String p = decode(in.readLine());
          authed = u.equals(user) && p.equals(password);
          reply(out, authed ? "235 2.7.0 Authentication successful" : "535 5.7.8 Bad credentials");
        } else if (upper.startsWith("MAIL FROM:")) {
          if (!authed) {
            reply(out, "530 5.7.0 Authentication required");
            continue;
          }
          from = address(line.substring(10));
          to.clear();
          reply(out, "250 2.1.0 OK");
        } else if (upper.startsWith("RCPT TO:")) {
          to.add(address(line.substring(8)));
          reply(out, "250 2.1.5 OK");
        } else if (upper.equals("DATA")) {
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
          }
          synchronized (this) {
            mails.add(new Mail(from, List.copyOf(to), data.toString()));
          }
          reply(out, "250 2.0.0 OK queued");
        } else if (upper.equals("RSET") || upper.equals("NOOP")) {
          reply(out, "250 2.0.0 OK");
        } else if (upper.equals("QUIT")) {
          reply(out, "221 2.0.0 Bye");
          return;
        } else {
          reply(out, "502 5.5.2 Command not recognized");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String decode(String b64) {
    return b64 == null
        ? ""
        : new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
  }

  private static String address(String arg) {
    String a = arg.strip();
    int sp = a.indexOf(' ');
    a = sp > 0 ? a.substring(0, sp) : a;
    return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1) : a;
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closed
    }
  }
}
