package dev.arrowownership.cdata;

import java.util.List;
import java.util.Optional;

/**
 * A parsed C Data Interface format string (spec: "Data type description -- format strings").
 *
 * @param kind the logical type
 * @param bitWidth the width in bits of one value in the data buffer of a fixed-width kind (1 for
 *     bool, 128 for {@code tin}, {@code 8 * N} for {@code w:N}), 0 for other kinds
 * @param precision a decimal's precision (digits), 0 for other kinds
 * @param scale a decimal's scale (may be negative), 0 for other kinds
 * @param unit the unit of a time, timestamp or duration, null for other kinds
 * @param timezone a timestamp's zone as written after the colon (empty for none), null for other
 *     kinds
 * @param fixedSize bytes per value of {@code w:N}, or values per list of {@code +w:N}; 0 otherwise
 * @param typeIds a union's type ids in child order (each 0..127), empty for other kinds
 */
public record DataType(
    TypeKind kind,
    int bitWidth,
    int precision,
    int scale,
    TimeUnit unit,
    String timezone,
    int fixedSize,
    List<Integer> typeIds) {

  /** The unit of a time, timestamp or duration: the format's last letter {@code s m u n}. */
  public enum TimeUnit {
    SECOND,
    MILLISECOND,
    MICROSECOND,
    NANOSECOND
  }

  public DataType {
    typeIds = List.copyOf(typeIds);
  }

  /** A timestamp's zone, empty when the format names none ({@code tsu:}). */
  public Optional<String> zone() {
    return timezone == null || timezone.isEmpty() ? Optional.empty() : Optional.of(timezone);
  }
}
