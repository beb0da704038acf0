/**
 * The kit's verdicts as JUnit 5 tests, one per rule ({@link dev.arrowownership.conformance.junit.RuleTests}),
 * for adopters who check their code from a JUnit suite. Needs {@code junit-jupiter-api}, an optional
 * dependency of this library.
 */
package dev.arrowownership.conformance.junit;
