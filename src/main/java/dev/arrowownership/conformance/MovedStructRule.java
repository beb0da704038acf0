package dev.arrowownership.conformance;

import dev.arrowownership.cdata.ArrayNode;
import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.generate.KitStructs;
import dev.arrowownership.ledger.ReleaseLedger;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@link Rule#REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID}: the kit reads the produced batch with
 * {@link CDataReader} (any array at the top, any type the spec defines), moves both base structs as
 * the spec says (bitwise copy, source marked released), wipes the source, reads the copy, and
 * releases it once. The copy must read with the same digest (length and values) as the original.
 */
final class MovedStructRule {
  private static final Rule RULE = Rule.REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID;

  private MovedStructRule() {}

  /** What the reader made of a batch: its length and digest, or why it could not read it. */
  private record Reading(long length, String digest, String fault) {
    static Reading of(KitStructs structs) {
      try {
        ArrayNode array = CDataReader.read(structs.arrayAddress(), structs.schemaAddress());
        return new Reading(array.length(), array.digest(), null); // digest() reads the buffers: while live
      } catch (IllegalArgumentException malformed) {
        return new Reading(-1, null, malformed.getMessage());
      }
    }
  }

  /**
   * The rule on one batch. {@code withoutAMove}: what the producer kept after releasing a batch it was
   * not moved; the same leak after the move is that release's, not the move's.
   */
  static RuleResult check(CDataProducer producer, BufferAllocator allocator, PlainReleaseLeak withoutAMove) throws Exception {
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStructs source = new KitStructs(allocator);
        KitStructs moved = new KitStructs(allocator)) {
      long before = producer.allocatedBytes();
      producer.produce(source.arrayAddress(), source.schemaAddress());
      // Read before the ledger interposes: what the producer made, not the ledger's token in private_data.
      Reading original = Reading.of(source);
      source.track(ledger, "moved");
      List<String> problems = new ArrayList<>();
      Reading copy;
      try {
        if (original.fault() != null) {
          return RuleResult.failed(RULE, "the produced batch does not read as C Data, before any move: " + original.fault());
        }
        move(source, moved);
        copy = Reading.of(moved);
      } finally {
        source.releaseLive(); // whichever of the two is live is released once; the other is skipped
        moved.releaseLive();
      }
      compare(original, copy, problems);
      problems.addAll(ProducerViolations.besidesReleaseLeftSet(ledger.violations()));
      // The kit releases the copy once; a second call from the producer's own code is a violation above.
      long after = producer.allocatedBytes();
      long kept = after - before;
      boolean leakOfTheRelease = withoutAMove.explains(kept);
      if (before >= 0 && kept != 0 && !leakOfTheRelease) {
        problems.add("the producer holds " + kept + " bytes more after releasing the moved struct"
            + (withoutAMove.bytes() > 0 ? " (" + withoutAMove.bytes() + " without a move)" : ""));
      }
      String held = before < 0 ? " (allocatedBytes() is not reported: freed memory not checked)"
          : leakOfTheRelease ? "; the producer holds " + kept + " bytes more after the release, as many as after the"
              + " release of a batch not moved: " + PlainReleaseLeak.owner("the move's")
          : ", nothing held";
      return problems.isEmpty()
          ? RuleResult.passed(RULE, "moved: the copy reads with length " + copy.length() + " and the digest read before"
              + " the move, released once" + held)
          : RuleResult.failed(RULE, "after a move: " + problems);
    }
  }

  /**
   * The spec's move: a bitwise copy, then the source marked released. The source is then zeroed, as
   * memory reused by its owner would be: a producer whose data points into the struct itself reads
   * differently afterwards.
   */
  private static void move(KitStructs source, KitStructs moved) {
    moved.array().save(source.array().snapshot());
    moved.schema().save(source.schema().snapshot());
    MemoryUtil.setMemory(source.arrayAddress(), StructKind.ARRAY.size(), (byte) 0);
    MemoryUtil.setMemory(source.schemaAddress(), StructKind.SCHEMA.size(), (byte) 0);
  }

  private static void compare(Reading original, Reading copy, List<String> problems) {
    if (copy.fault() != null) {
      problems.add("the moved copy does not read as C Data: " + copy.fault());
    } else if (!copy.digest().equals(original.digest())) { // the digest covers the length too
      problems.add("the moved copy's values differ from the original's (length " + copy.length() + ", digest "
          + copy.digest().substring(0, 12) + "...; before the move length " + original.length() + ", digest "
          + original.digest().substring(0, 12) + "...)");
    }
  }
}
