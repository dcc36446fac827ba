package io.tradecore.web;

/**
 * A request the API answers with an error: the HTTP status, a message for a person and, when one
 * parameter is at fault, its name.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String parameter;

  public ApiException(int status, String message, String parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }

  /** 400: {@code parameter} has a value the endpoint cannot use. */
  public static ApiException badParameter(String parameter, String message) {
    return new ApiException(400, message, parameter);
  }

  /** 404: the thing asked for does not exist. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message, null);
  }

  /** 401: the request lacks the API token, or carries a wrong one. */
  public static ApiException unauthorized(String message) {
    return new ApiException(401, message, null);
  }

  public int status() {
    return status;
  }

  /** The parameter at fault, or null. */
  public String parameter() {
    return parameter;
  }
}
