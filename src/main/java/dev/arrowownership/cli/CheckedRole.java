package dev.arrowownership.cli;

import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.generate.BatchSource;
import dev.arrowownership.nativecode.EntryPoint;
import dev.arrowownership.nativecode.NativeTarget;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles the {@code check} command checks: each entry point of {@code arrow_ownership_kit.h}
 * that is a role (not a hook), with the kit's check for it.
 */
enum CheckedRole {
  PRODUCER(EntryPoint.PRODUCER) {
    @Override
    Verdict check(String target, NativeTarget library) {
      return ConformanceKit.checkProducer(target, library.producer().orElseThrow());
    }
  },
  CONSUMER(EntryPoint.CONSUMER) {
    @Override
    Verdict check(String target, NativeTarget library) {
      return ConformanceKit.checkConsumer(target, library.consumer().orElseThrow());
    }

    @Override
    Verdict check(String target, NativeTarget library, BatchSource batches) {
      return ConformanceKit.checkConsumer(target, library.consumer().orElseThrow(), batches);
    }
  },
  STREAM_PRODUCER(EntryPoint.STREAM_PRODUCER) {
    @Override
    Verdict check(String target, NativeTarget library) {
      return ConformanceKit.checkStreamProducer(target, library.streamProducer().orElseThrow());
    }
  },
  STREAM_CONSUMER(EntryPoint.STREAM_CONSUMER) {
    @Override
    Verdict check(String target, NativeTarget library) {
      return ConformanceKit.checkStreamConsumer(target, library.streamConsumer().orElseThrow());
    }

    @Override
    Verdict check(String target, NativeTarget library, BatchSource batches) {
      return ConformanceKit.checkStreamConsumer(target, library.streamConsumer().orElseThrow(), batches);
    }
  };

  /** The entry points that are roles, one per constant; the others (held bytes, fail allocation, drop) are hooks. */
  static final Set<EntryPoint> ROLE_ENTRY_POINTS = Arrays.stream(values()).map(CheckedRole::entryPoint)
      .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntryPoint.class)));

  private final EntryPoint entryPoint;

  CheckedRole(EntryPoint entryPoint) {
    this.entryPoint = entryPoint;
  }

  /** The kit's check of this role on the bound library. */
  abstract Verdict check(String target, NativeTarget library);

  /**
   * The kit's check of this role on batches of {@code batches}' layout, for a role that takes the
   * kit's batches ({@link #takesBatches()}).
   *
   * @throws UnsupportedOperationException for a producer role: a producer makes its own layouts
   */
  Verdict check(String target, NativeTarget library, BatchSource batches) {
    throw new UnsupportedOperationException(word() + " makes its own batches: it is not checked on the kit's layouts");
  }

  /** True for the consumer roles, which are handed the kit's batches; a producer makes its own. */
  boolean takesBatches() {
    return this == CONSUMER || this == STREAM_CONSUMER;
  }

  EntryPoint entryPoint() {
    return entryPoint;
  }

  /** The role's word in report names: the option without its dashes, e.g. {@code stream-consumer}. */
  String word() {
    return entryPoint.option().substring(2);
  }

}
