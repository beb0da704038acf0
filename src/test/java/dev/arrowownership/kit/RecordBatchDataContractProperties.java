package dev.arrowownership.kit;

/** The reference wrapper passes the stateful contract. */
class RecordBatchDataContractProperties implements OwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return new RecordBatchDataSubject();
  }
}
