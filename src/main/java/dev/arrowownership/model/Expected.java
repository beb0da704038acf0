package dev.arrowownership.model;

import java.util.List;

/**
 * What the model says one operation must do: finish normally or throw, which struct releases it
 * performs, and the value it returns (row count, new handle index), if any.
 *
 * @param outcome how the call ends
 * @param releases the releases this call must perform, exactly these, each once
 * @param value the returned value, or -1
 */
public record Expected(Outcome outcome, List<Release> releases, long value) {

  /** How a call ends. */
  public enum Outcome {
    /** Returns normally. */
    OK,
    /** Throws {@link IllegalStateException}: the documented misuse response; changes nothing. */
    ILLEGAL_STATE,
    /** Throws the injected fault; changes nothing. */
    FAULT
  }

  /** One struct part of one batch released. */
  public record Release(int resource, Part part) {
    @Override
    public String toString() {
      return "r" + resource + "." + part.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The two structs of a batch, each with its own {@code release}. */
  public enum Part {
    ARRAY,
    SCHEMA
  }

  public static Expected ok() {
    return new Expected(Outcome.OK, List.of(), -1);
  }

  public static Expected ok(long value) {
    return new Expected(Outcome.OK, List.of(), value);
  }

  public static Expected ok(List<Release> releases) {
    return new Expected(Outcome.OK, List.copyOf(releases), -1);
  }

  public static Expected illegalState() {
    return new Expected(Outcome.ILLEGAL_STATE, List.of(), -1);
  }

  public static Expected fault() {
    return new Expected(Outcome.FAULT, List.of(), -1);
  }

  @Override
  public String toString() {
    return outcome + (releases.isEmpty() ? "" : " releasing " + releases) + (value < 0 ? "" : " -> " + value);
  }
}
