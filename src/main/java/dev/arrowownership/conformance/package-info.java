/**
 * C Data Interface conformance: checks another library's producer, consumer, stream consumer or
 * stream producer against named {@link dev.arrowownership.conformance.Rule}s, with real release calls counted by the
 * release ledger. Targets plug in through {@link dev.arrowownership.conformance.CDataProducer},
 * {@link dev.arrowownership.conformance.CDataConsumer},
 * {@link dev.arrowownership.conformance.CDataStreamConsumer} and
 * {@link dev.arrowownership.conformance.CDataStreamProducer}; {@link
 * dev.arrowownership.conformance.ConformanceKit} checks them and returns a {@link
 * dev.arrowownership.conformance.Verdict}. Guide: {@code docs/kit.md}.
 */
package dev.arrowownership.conformance;
