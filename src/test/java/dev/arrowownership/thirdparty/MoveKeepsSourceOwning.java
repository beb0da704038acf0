package dev.arrowownership.thirdparty;

import dev.arrowownership.contract.OwnershipContract;
import dev.arrowownership.contract.OwnershipSubject;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;

/**
 * {@link BatchHolderSubject}'s broken twin. Bug: its move is written by hand as a bitwise copy of
 * both structs and forgets to mark the source released (as a defaulted C++ move does), so two
 * holders own one batch and both release it.
 */
public class MoveKeepsSourceOwning extends BatchHolderSubject {

  @Override
  public String name() {
    return "BatchHolder with MoveKeepsSourceOwning";
  }

  @Override
  public BatchHolder moveFrom(BatchHolder source) {
    long arrayAddress = source.arrayAddress(); // throws for a closed source, before anything is allocated
    long schemaAddress = source.schemaAddress();
    BatchHolder target = BatchHolder.allocate(source.allocator(), source.name() + "'");
    if (source.isOwned()) {
      target.fill((array, schema) -> {
        array.save(ArrowArray.wrap(arrayAddress).snapshot());
        schema.save(ArrowSchema.wrap(schemaAddress).snapshot());
        // missing: marking the source's structs released
      });
    }
    return target;
  }

  /** The contract run against this twin; it must fail. */
  public static final class Contract implements OwnershipContract {
    @Override
    public OwnershipSubject<?, ?> subject() {
      return new MoveKeepsSourceOwning();
    }
  }
}
