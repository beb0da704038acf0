package dev.arrowownership.wrapper;

import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A record batch imported into Arrow Java: the root and the dictionaries its encoded columns refer
 * to. Owns both; closing it lets Arrow Java call the producer's {@code release} exactly once.
 */
public final class ImportedBatch implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final CDataDictionaryProvider dictionaries;

  ImportedBatch(VectorSchemaRoot root, CDataDictionaryProvider dictionaries) {
    this.root = root;
    this.dictionaries = dictionaries;
  }

  /** The imported columns. Valid until {@link #close()}. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** The dictionaries of dictionary-encoded columns. Valid until {@link #close()}. */
  public CDataDictionaryProvider dictionaries() {
    return dictionaries;
  }

  @Override
  public void close() {
    try {
      root.close();
    } finally {
      dictionaries.close();
    }
  }
}
