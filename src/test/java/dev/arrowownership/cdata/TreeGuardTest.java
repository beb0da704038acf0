package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A child count read from a struct is accepted from 0 to {@link TreeGuard#MAX_CHILDREN}, both ends included. */
class TreeGuardTest {

  @Test
  void childCountsFromZeroToTheLimitAreAcceptedAndNoOthers() {
    assertThatCode(() -> TreeGuard.checkCount(0, "schema", "n_children")).doesNotThrowAnyException();
    assertThatCode(() -> TreeGuard.checkCount(TreeGuard.MAX_CHILDREN, "schema", "n_children"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> TreeGuard.checkCount(TreeGuard.MAX_CHILDREN + 1, "schema", "n_children"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("schema: n_children is 65537, not in 0..65536");
    assertThatThrownBy(() -> TreeGuard.checkCount(-1, "array.children[0]", "n_buffers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("array.children[0]: n_buffers is -1, not in 0..65536");
  }
}
