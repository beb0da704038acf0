package dev.arrowownership.contract;

/** The reference wrapper passes the bounded exhaustive check (every sequence to the depth where no new state appears). */
class RecordBatchDataExhaustiveContractTest implements ExhaustiveOwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return new RecordBatchDataSubject();
  }
}
