package dev.arrowownership.libraries.lance;

/**
 * Rules Lance is observed to break, with where the cause lies upstream. The tests that assert them
 * fail once upstream behaves, so the expectation gets updated.
 */
final class LanceFindings {
  private LanceFindings() {}
}
