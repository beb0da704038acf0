package dev.arrowownership.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The canary stream the kit plants: every callback counts, the release marks it released, any changed field shows. */
class CanaryStreamTest {
  private final Memory struct = new Memory(40);
  private final long address = Pointer.nativeValue(struct);

  @Test
  void everyCallbackCountsAndDoesNothingElse() {
    try (CanaryStream canary = CanaryStream.plant(address)) {
      assertThat(canary.intactAt(address)).isTrue();
      assertThat(CanaryStream.isCanaryRelease(StreamField.RELEASE.get(address))).isTrue();
      assertThat(call(StreamField.GET_SCHEMA)).isEqualTo(22); // EINVAL: it has no schema to give
      assertThat(call(StreamField.GET_NEXT)).isEqualTo(22);
      assertThat(Function.getFunction(new Pointer(StreamField.GET_LAST_ERROR.get(address)))
          .invokePointer(new Object[] {struct})).isNull();
      assertThat(canary.otherCalls()).isEqualTo(3);
      assertThat(canary.releaseCalls()).isZero();

      release();

      assertThat(canary.releaseCalls()).isEqualTo(1);
      assertThat(canary.otherCalls()).isEqualTo(3);
      assertThat(StreamField.RELEASE.get(address)).isZero();
      assertThat(canary.intactAt(address)).isFalse();
    }
  }

  /** Once closed, the canary counts nothing more; its release still marks the struct released. */
  @Test
  void closedCanaryCountsNothing() {
    CanaryStream canary = CanaryStream.plant(address);
    canary.close();
    release();
    assertThat(canary.releaseCalls()).isZero();
    assertThat(StreamField.RELEASE.get(address)).isZero();
  }

  @ParameterizedTest
  @EnumSource(StreamField.class)
  void anyChangedFieldShows(StreamField field) {
    try (CanaryStream canary = CanaryStream.plant(address)) {
      field.set(address, field.get(address) + 1);
      assertThat(canary.intactAt(address)).isFalse();
    }
  }

  @Test
  void onlyTheCanarysReleaseIsTheCanarys() {
    assertThat(CanaryStream.isCanaryRelease(0)).isFalse();
    assertThat(CanaryStream.isCanaryRelease(1)).isFalse();
  }

  private int call(StreamField getter) {
    return Function.getFunction(new Pointer(getter.get(address))).invokeInt(new Object[] {struct, Pointer.NULL});
  }

  private void release() {
    Function.getFunction(new Pointer(StreamField.RELEASE.get(address))).invoke(new Object[] {struct});
  }
}
