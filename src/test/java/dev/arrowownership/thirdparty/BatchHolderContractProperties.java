package dev.arrowownership.thirdparty;

import dev.arrowownership.contract.ExhaustiveOwnershipContract;
import dev.arrowownership.contract.OwnershipContract;
import dev.arrowownership.contract.OwnershipSubject;

/** A wrapper written only against the kit's public API, without a frame, passes both contracts. */
class BatchHolderContractProperties implements OwnershipContract, ExhaustiveOwnershipContract {
  @Override
  public OwnershipSubject<?, ?> subject() {
    return new BatchHolderSubject();
  }
}
