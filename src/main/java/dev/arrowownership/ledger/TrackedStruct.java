package dev.arrowownership.ledger;

import dev.arrowownership.cdata.StructKind;

/**
 * One struct whose {@code release} the ledger interposed: its identity survives moves, since it is
 * carried in the struct's {@code private_data}, not its address.
 *
 * @param id unique within the process
 * @param kind array or schema
 * @param label what the caller called it, for reports
 */
public record TrackedStruct(long id, StructKind kind, String label) {
  @Override
  public String toString() {
    return label + "." + kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + id;
  }
}
