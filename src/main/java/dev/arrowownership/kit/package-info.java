/**
 * The conformance kit: checks another library's C Data Interface code against named rules, with
 * real release calls counted by the release ledger. Producers, consumers and stream consumers plug
 * in through {@link dev.arrowownership.kit.CDataProducer}, {@link dev.arrowownership.kit.CDataConsumer}
 * and {@link dev.arrowownership.kit.CDataStreamConsumer} and are checked by
 * {@link dev.arrowownership.kit.ConformanceKit}, which returns a {@link dev.arrowownership.kit.Verdict};
 * ownership wrappers plug in through {@link dev.arrowownership.kit.OwnershipSubject} and are checked
 * by {@link dev.arrowownership.kit.OwnershipContract} (generated sequences, jqwik) and
 * {@link dev.arrowownership.kit.ExhaustiveOwnershipContract} (every sequence within bounds).
 * Rules: {@link dev.arrowownership.kit.Rule}. Guide: {@code docs/kit.md}.
 */
package dev.arrowownership.kit;
