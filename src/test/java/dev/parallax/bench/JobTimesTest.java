package dev.parallax.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's seconds are the union of its jobs' intervals: overlapping jobs count once. */
class JobTimesTest {
  @Test
  void overlappingJobsCountOnce() {
    // [0,10] and [5,15] cover 0..15; [20,25] adds 5
    assertEquals(
        20, JobTimes.covered(List.of(new long[] {20, 25}, new long[] {0, 10}, new long[] {5, 15})));
    // a job inside another adds nothing
    assertEquals(10, JobTimes.covered(List.of(new long[] {0, 10}, new long[] {2, 3})));
    // touching intervals
    assertEquals(8, JobTimes.covered(List.of(new long[] {0, 4}, new long[] {4, 8})));
    assertEquals(0, JobTimes.covered(List.of()));
  }
}
