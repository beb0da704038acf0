package dev.arrowownership.bench;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.fixtures.ReadingConsumer;
import dev.arrowownership.fixtures.ReadingStreamConsumer;
import dev.arrowownership.generate.ArrayContent;
import dev.arrowownership.generate.ArrowArbitraries;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.generate.NativeLayoutWriter;
import dev.arrowownership.generate.ReleasePlan;
import java.util.Iterator;
import java.util.function.Predicate;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Generated batches checked per second, per role: each batch drawn from {@link
 * ArrowArbitraries#layoutBatches()} and put through every rule of the role (the kit's native producer
 * for the producer rules, the conforming reading consumers for the consumer roles), plus the native
 * writer alone (write, read back with the kit's reader, release). Prints a Markdown table.
 *
 * <p>Usage: {@code LayoutThroughput [seconds per role]} (default 20, after 5 s of warm-up each).
 */
public final class LayoutThroughput {
  private LayoutThroughput() {}

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    System.out.println("| role | batches checked | seconds | batches / s |");
    System.out.println("|---|---:|---:|---:|");
    measure("native writer alone (write, read, release)", seconds, LayoutThroughput::writeReadRelease);
    measure("producer (every producer rule)", seconds, batch -> producer(batch).conforms());
    measure("consumer (every consumer rule)", seconds,
        batch -> ConformanceKit.checkConsumer(batch.toString(), new ReadingConsumer(), new LayoutSource(batch)).conforms());
    measure("stream consumer (every stream-consumer rule)", seconds, batch -> ConformanceKit.checkStreamConsumer(
        batch.toString(), new ReadingStreamConsumer(), new LayoutSource(batch)).conforms());
  }

  private static Verdict producer(LayoutBatch batch) {
    ArrayContent content = batch.content();
    return ConformanceKit.checkProducer(batch.toString(), (array, schema, allocator) ->
        NativeLayoutWriter.write(content, allocator, ReleasePlan.COMPLETE, array, schema));
  }

  private static boolean writeReadRelease(LayoutBatch batch) {
    try (BufferAllocator allocator = new RootAllocator(); ArrowArray array = ArrowArray.allocateNew(allocator);
        ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
      long structs = allocator.getAllocatedMemory(); // the two structs' own memory
      NativeLayoutWriter.write(batch, allocator, array.memoryAddress(), schema.memoryAddress());
      CDataReader.read(array.memoryAddress(), schema.memoryAddress()).digest();
      array.release();
      schema.release();
      return allocator.getAllocatedMemory() == structs;
    }
  }

  private static void measure(String role, int seconds, Predicate<LayoutBatch> check) {
    Iterator<LayoutBatch> batches = ArrowArbitraries.layoutBatches().sampleStream().iterator();
    run(batches, check, 5_000_000_000L); // warm-up
    long start = System.nanoTime();
    long checked = run(batches, check, seconds * 1_000_000_000L);
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("| %s | %d | %.1f | %.1f |%n", role, checked, elapsed, checked / elapsed);
  }

  private static long run(Iterator<LayoutBatch> batches, Predicate<LayoutBatch> check, long nanos) {
    long end = System.nanoTime() + nanos;
    long checked = 0;
    while (System.nanoTime() < end) {
      LayoutBatch batch = batches.next();
      if (!check.test(batch)) {
        throw new IllegalStateException("a conforming target failed on " + batch);
      }
      checked++;
    }
    return checked;
  }
}
