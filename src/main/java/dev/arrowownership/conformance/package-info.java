/**
 * C Data Interface conformance: checks another library's producer, consumer or stream consumer
 * against named {@link dev.arrowownership.conformance.Rule}s, with real release calls counted by the
 * release ledger. Targets plug in through {@link dev.arrowownership.conformance.CDataProducer},
 * {@link dev.arrowownership.conformance.CDataConsumer} and
 * {@link dev.arrowownership.conformance.CDataStreamConsumer}; {@link
 * dev.arrowownership.conformance.ConformanceKit} checks them and returns a {@link
 * dev.arrowownership.conformance.Verdict}. Guide: {@code docs/kit.md}.
 */
package dev.arrowownership.conformance;
