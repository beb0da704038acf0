package dev.arrowownership.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report carries the allocation site it was given (PARANOID) or none, and says how to get one. */
class LeakReportTest {

  @Test
  void theSiteIsThereExactlyWhenItWasRecorded() {
    AllocationSite site = new AllocationSite("RecordBatchData h1");
    assertThat(new LeakReport("RecordBatchData h1", site).allocationSite()).containsSame(site);
    LeakReport simple = new LeakReport("RecordBatchData h2", null);
    assertThat(simple.allocationSite()).isEmpty();
    assertThat(simple.toString()).endsWith("Run with -D" + LeakLevel.PROPERTY + "=PARANOID to record allocation sites.");
  }
}
