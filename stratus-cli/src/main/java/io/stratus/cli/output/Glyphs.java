package io.stratus.cli.output;

/**
 * The symbols balance output marks goals and changes with: Unicode where the output can show it,
 * ASCII elsewhere.
 *
 * @param satisfied marks a goal that holds
 * @param broken marks a goal that is broken
 * @param arrow separates a value before a change from the value after it
 */
public record Glyphs(String satisfied, String broken, String arrow) {

  /** Check mark, cross and arrow. */
  public static final Glyphs UNICODE = new Glyphs("✓", "✗", "→");

  /** The same in plain ASCII. */
  public static final Glyphs ASCII = new Glyphs("ok", "x", "->");

  /** The glyphs for an output that can, or cannot, show non-ASCII symbols. */
  public static Glyphs of(boolean unicode) {
    return unicode ? UNICODE : ASCII;
  }
}
