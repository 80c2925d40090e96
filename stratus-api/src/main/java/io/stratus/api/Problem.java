package io.stratus.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of that kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, naming the field and the rule where there is one
 * @param field the request field at fault, when the problem is about one field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

  /** The media type of problem answers. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
