package dev.arrowownership.conformance;

import dev.arrowownership.generate.BatchSource;
import dev.arrowownership.generate.KitBatches;
import dev.arrowownership.generate.KitStream;
import dev.arrowownership.generate.StreamPlan;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One hand-over of a kit stream, behaving as its {@link StreamPlan} says, to a stream consumer, and
 * what the ledger saw once the consumer's result was closed (or it threw).
 *
 * @param scenario what the stream did, as reports name it
 * @param thrown what consume() threw (a refusal, or the error of a failing stream reported), a {@link
 *     ResultCloseFailed} when closing its result threw, or null
 * @param streamReleases calls of the stream's own release
 * @param results the schemas and arrays obtained with a success
 * @param resultCalls release calls on each of {@code results}
 * @param violations what the ledger reported, as text
 * @param filledOnErrorCalls release calls on each array a failing {@code get_next} filled
 * @param heldBytes what the consumer still held at the end: its allocator's bytes, plus what its own
 *     {@link CDataStreamConsumer#heldBytes()} grew by
 */
record StreamRun(String scenario, Throwable thrown, int streamReleases, List<TrackedStruct> results,
    List<Integer> resultCalls, List<String> violations, List<Integer> filledOnErrorCalls, long heldBytes) {

  StreamRun {
    results = List.copyOf(results);
    resultCalls = List.copyOf(resultCalls);
    violations = List.copyOf(violations);
    filledOnErrorCalls = List.copyOf(filledOnErrorCalls);
  }

  static StreamRun of(CDataStreamConsumer consumer, String scenario, StreamPlan plan) {
    return of(consumer, scenario, plan, KitBatches.ARROW_JAVA);
  }

  /** A hand-over of a stream whose schema and batches come from {@code source}. */
  static StreamRun of(CDataStreamConsumer consumer, String scenario, StreamPlan plan, BatchSource source) {
    RootAllocator allocator = new RootAllocator();
    BufferAllocator consumerAllocator = allocator.newChildAllocator("consumer", 0, Long.MAX_VALUE);
    try (ReleaseLedger ledger = new ReleaseLedger(); KitStream stream = new KitStream(allocator, ledger, plan, source)) {
      KeptBytes kept = KeptBytes.from(consumer::heldBytes);
      // The consumer reads what it wants; closing its result must release the rest.
      Throwable thrown = ResultCloseFailed.consumeThenClose(() -> consumer.consume(stream.address(), consumerAllocator),
          () -> { });
      List<TrackedStruct> results = stream.results();
      // Read before the allocator is closed: closing a leaking allocator throws, and would hide the count.
      return new StreamRun(scenario, thrown, stream.releaseCalls(), results,
          results.stream().map(ledger::releaseCount).toList(),
          ledger.violations().stream().map(Object::toString).toList(),
          stream.filledOnError().stream().map(ledger::releaseCount).toList(),
          consumerAllocator.getAllocatedMemory() + kept.kept());
    } finally {
      closeQuietly(consumerAllocator);
      closeQuietly(allocator);
    }
  }

  /** What breaks "the stream once, every result once, children never, nothing held", or empty. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (streamReleases != 1) {
      problems.add("the stream was released " + streamReleases + " times");
    }
    problems.addAll(resultProblems());
    return problems;
  }

  /** Whether {@code consume()} itself threw: the consumer refused the stream or reported its error. */
  boolean refused() {
    return ResultCloseFailed.isRefusal(thrown);
  }

  /** What breaks "every result once, children never, nothing held, the result closed", or empty. */
  List<String> resultProblems() {
    List<String> problems = new ArrayList<>(violations);
    if (thrown instanceof ResultCloseFailed closing) {
      problems.add(closing.getMessage());
    }
    for (int i = 0; i < results.size(); i++) {
      if (resultCalls.get(i) != 1) {
        problems.add(results.get(i) + " released " + resultCalls.get(i) + " times");
      }
    }
    if (heldBytes != 0) {
      problems.add("the consumer still holds " + heldBytes + " bytes after its result was closed");
    }
    return problems;
  }

  /** The consumer's exception as the rules append it, or "". */
  String failure() {
    return thrown == null ? "" : " (the consumer threw " + thrown + ")";
  }

  @Override
  public String toString() {
    List<String> problems = problems();
    return scenario + ": " + (problems.isEmpty() ? "everything released once" : String.join(", ", problems))
        + (thrown == null ? ", no error reported" : ", threw " + thrown);
  }

  private static void closeQuietly(BufferAllocator allocator) {
    try {
      allocator.close();
    } catch (IllegalStateException leakedByTheConsumer) {
      // What the consumer kept stays allocated; the rules already failed for it.
    }
  }
}
