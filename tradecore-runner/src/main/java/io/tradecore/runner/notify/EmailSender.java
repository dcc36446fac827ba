package io.tradecore.runner.notify;

import io.tradecore.store.OutboxRepository;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail through SMTP (Jakarta Mail): plain text, one message to every address of the destination.
 * Silent messages go with a low priority. The server's 5xx answers and a failed login are refusals;
 * a connection that fails or a 4xx answer is tried again.
 */
final class EmailSender implements Sender {
  /** Header naming the message's cause, the same on every try. */
  static final String KEY_HEADER = "X-TradeCore-Message";

  private final Destination.Email destination;
  private final Session session;

  EmailSender(Destination.Email destination) {
    this.destination = destination;
    Properties p = new Properties();
    String timeout = Long.toString(Http.REQUEST_TIMEOUT.toMillis());
    p.put("mail.smtp.host", destination.host());
    p.put("mail.smtp.port", Integer.toString(destination.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(Http.CONNECT_TIMEOUT.toMillis()));
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    p.put("mail.smtp.auth", Boolean.toString(destination.username() != null));
    switch (destination.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    this.session = Session.getInstance(p);
  }

  @Override
  public Outcome send(OutboxRepository.Message m) {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(destination.from(), true));
      for (String to : destination.to()) {
        mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      mail.setSubject(m.subject(), StandardCharsets.UTF_8.name());
      mail.setText(m.body(), StandardCharsets.UTF_8.name());
      mail.setSentDate(new Date());
      mail.setHeader(KEY_HEADER, m.key());
      if (m.silent()) {
        mail.setHeader("X-Priority", "5");
        mail.setHeader("Importance", "low");
      }
      if (destination.username() == null) {
        Transport.send(mail);
      } else {
        Transport.send(mail, destination.username(), destination.password().reveal());
      }
      return new Outcome.Sent();
    } catch (AuthenticationFailedException e) {
      return new Outcome.Refused("the SMTP server refused the login: " + describe(e));
    } catch (AddressException e) {
      return new Outcome.Refused("a bad address: " + describe(e));
    } catch (SMTPSendFailedException e) {
      String why = "the SMTP server answered " + e.getReturnCode() + ": " + describe(e);
      return e.getReturnCode() >= 500 ? new Outcome.Refused(why) : new Outcome.Retry(null, why);
    } catch (SendFailedException e) {
      return new Outcome.Refused("the SMTP server refused the message: " + describe(e));
    } catch (MessagingException e) {
      return new Outcome.Retry(null, "SMTP: " + describe(e));
    }
  }

  private String describe(Exception e) {
    String text = Http.failure(e).replaceAll("\\s+", " ").strip();
    return destination.password() == null ? text : destination.password().redact(text);
  }
}
