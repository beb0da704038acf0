package dev.arrowownership.jcstress;

import dev.arrowownership.concurrency.Handle;
import dev.arrowownership.concurrency.HandleKit;
import dev.arrowownership.concurrency.Kits;

/** The state of a move-assignment race: {@code target} owns batch A, {@code source} owns batch B. */
abstract class TwoOwningHandles {
  final HandleKit kit = Kits.underTest();
  final Handle target = kit.owning();
  final Handle source = kit.owning();
}
