package io.stratus.cli.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.stratus.api.Problem;
import java.io.IOException;

/** What to tell the user about an error answer: the problem's detail, or what there is instead. */
final class ProblemText {

  private static final int MAX_BODY_CHARS = 200;

  private ProblemText() {}

  /** The detail of a problem+json body, else its title, else the start of the body itself. */
  static String of(String body) {
    if (body == null || body.isBlank()) {
      return "the API answered with no details";
    }
    try {
      Problem problem =
          LenientJson.reader(Problem.class)
              .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              .readValue(body);
      if (problem.detail() != null && !problem.detail().isBlank()) {
        return problem.detail();
      }
      if (problem.title() != null && !problem.title().isBlank()) {
        return problem.title();
      }
    } catch (IOException e) {
      // not a problem document: show the body as it is
    }
    String text = body.strip();
    return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "...";
  }
}
