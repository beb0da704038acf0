package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.thirdparty.BatchHolderSubject;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;

/**
 * Generated sequences copy only on a subject that declares {@link SubjectFeature#COPY}, so every
 * other subject's sequences are drawn as before (jqwik examples: chains are sampled on jqwik's thread).
 */
class CopyGenerationTest {

  @Example
  void sequencesOfASubjectWithACopyCopy() {
    assertThat(generatedCalls(CopyingHolderSubject.emptyCopy())).anyMatch(call -> call.matches("h\\d+ = copy\\(h\\d+\\)"));
  }

  @Example
  void sequencesOfASubjectWithoutACopyNeverCopy() {
    assertThat(generatedCalls(new BatchHolderSubject())).isNotEmpty().noneMatch(call -> call.contains("copy("));
  }

  private static List<String> generatedCalls(OwnershipSubject<?, ?> subject) {
    List<String> calls = new ArrayList<>();
    MachineRegistry.runThenCloseAll(() -> StepGenerators.chains(subject).sampleStream().limit(5).forEach(chain -> {
      OwnershipMachine<?, ?> machine = chain.run();
      calls.addAll(machine.history());
      machine.finish();
    }));
    return calls;
  }
}
