package dev.arrowownership.contract;

/**
 * The kit's producer, handed to {@link OwnershipSubject#populate}: it writes one record batch into
 * the handle's released {@code ArrowArray} and {@code ArrowSchema}, given their addresses. The
 * structs are borrowed for the call; on return both are live and the handle owns the batch.
 *
 * <p>A Java wrapper over Arrow Java passes {@code array.memoryAddress()} and {@code
 * schema.memoryAddress()}; a native wrapper passes the addresses of its C++ members.
 */
@FunctionalInterface
public interface BatchFiller {

  /** Fills the released structs at {@code arrayAddress} and {@code schemaAddress}. */
  void fill(long arrayAddress, long schemaAddress);
}
