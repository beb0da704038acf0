package dev.arrowownership.contract;

/** The reference wrapper passes the stateful contract and the bounded exhaustive check. */
class RecordBatchDataContractProperties implements OwnershipContract, ExhaustiveOwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return new RecordBatchDataSubject();
  }
}
