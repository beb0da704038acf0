package dev.arrowownership.contract;

/**
 * The reference wrapper passes the stateful contract. The bounded exhaustive check of the same subject
 * is a class of its own ({@link RecordBatchDataExhaustiveContractTest}), so that surefire's JVMs can
 * run the two longest checks of the suite side by side.
 */
class RecordBatchDataContractProperties implements OwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return new RecordBatchDataSubject();
  }
}
