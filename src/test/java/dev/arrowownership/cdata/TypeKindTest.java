package dev.arrowownership.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Which layouts begin with a validity bitmap: all but null, the two unions and run-end encoded (spec, "Buffer listing"). */
class TypeKindTest {

  @Test
  void everyLayoutButNullUnionsAndRunEndHasAValidityBitmap() {
    EnumSet<TypeKind> without = EnumSet.of(TypeKind.NULL, TypeKind.SPARSE_UNION, TypeKind.DENSE_UNION,
        TypeKind.RUN_END_ENCODED);
    assertThat(Arrays.stream(TypeKind.values()).filter(kind -> !kind.hasValidity())).containsExactlyInAnyOrderElementsOf(without);
  }
}
