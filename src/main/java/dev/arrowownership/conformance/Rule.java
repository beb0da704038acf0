package dev.arrowownership.conformance;

import java.util.Locale;

/**
 * The rules the kit checks, named by strength ({@code required_} the spec says MUST;
 * {@code optional_} what the spec leaves open but consumers rely on), each with the C Data Interface
 * section it checks and, in its failure message, what to look at.
 */
public enum Rule {
  REQUIRED_PRODUCER_SETS_RELEASE(Role.PRODUCER, Spec.RELEASED,
      "after produce() both base structs are live (release != NULL)",
      "the producer fills every field and sets release last, also on its error paths"),
  REQUIRED_PRODUCER_RELEASE_SETS_NULL(Role.PRODUCER, Spec.PRODUCER_RELEASE,
      "the producer's release sets release to NULL, on the base struct and on every child and dictionary",
      "the last line of the release callback: `array->release = NULL`"),
  REQUIRED_PRODUCER_RELEASE_RELEASES_CHILDREN(Role.PRODUCER, Spec.PRODUCER_RELEASE,
      "the parent's release calls each child's and the dictionary's release exactly once",
      "the loop over children and the dictionary in the release callback"),
  REQUIRED_PRODUCER_MOVED_STRUCT_STAYS_VALID(Role.PRODUCER, Spec.MOVE,
      "a struct moved to other memory (bitwise copy, source marked released and wiped) reads with the same"
          + " length and values, releases once and frees everything",
      "pointers into the struct itself, or the struct's address kept in private_data or elsewhere"),
  REQUIRED_PRODUCER_RELEASE_FREES_EVERYTHING(Role.PRODUCER, Spec.PRODUCER_RELEASE,
      "after release the producer holds no memory for the batch",
      "buffers, children arrays and private_data freed in the release callback"),
  OPTIONAL_PRODUCER_RELEASE_ON_ANOTHER_THREAD(Role.PRODUCER, Spec.THREADS,
      "release called on a thread other than the producing one releases once and frees everything",
      "thread-local or thread-confined state used by the release callback"),
  REQUIRED_CONSUMER_RELEASES_EXACTLY_ONCE(Role.CONSUMER, Spec.CONSUMER_RELEASE,
      "after the consumer's result is closed, each base struct was released exactly once",
      "the close path of what the consumer returns, and copies of the struct that are released too"),
  REQUIRED_CONSUMER_RELEASES_ON_FAILURE(Role.CONSUMER, Spec.CONSUMER_RELEASE,
      "when an allocation fails at any point of the import, each base struct is still released exactly once",
      "the consumer's catch/finally blocks: the struct must be released (or moved) before anything can fail"),
  REQUIRED_CONSUMER_NEVER_RELEASES_CHILDREN(Role.CONSUMER, Spec.CONSUMER_RELEASE,
      "the consumer never calls a child's or the dictionary's release; only the parent's release does",
      "the consumer's cleanup of children and dictionaries: release only the base struct"),
  REQUIRED_CONSUMER_NO_ACCESS_AFTER_RELEASE(Role.CONSUMER, Spec.CONSUMER_RELEASE,
      "once released (or moved away), the kit's struct is neither written nor released again",
      "stale pointers to the struct kept after a move or a release"),
  REQUIRED_CONSUMER_MARKS_A_MOVED_STRUCT_RELEASED(Role.CONSUMER, Spec.MOVE,
      "once the consumer is done (consume() returned or threw, and its result was closed), each base struct it"
          + " released, through whatever copy, is marked released where the caller put it (release == NULL): a"
          + " consumer that moves a struct by copying it marks the source released, so nobody releases it twice",
      "the consumer's import: after copying the caller's struct (`*dst = *src`, `std::ptr::read`), set"
          + " `src->release = NULL` without calling it (Arrow C++'s ArrowArrayMove, arrow-rs's FFI_ArrowArray::from_raw,"
          + " Arrow Java's importer do)"),
  REQUIRED_STREAM_CONSUMER_RELEASES_STREAM_ONCE(Role.STREAM_CONSUMER, Spec.STREAM_LIFETIME,
      "the stream's release is called exactly once",
      "the consumer's close path for the stream, including when reading fails"),
  REQUIRED_STREAM_CONSUMER_RELEASES_EACH_RESULT_ONCE(Role.STREAM_CONSUMER, Spec.STREAM_RESULTS,
      "every schema and array obtained from the stream is released exactly once, children never, and the"
          + " consumer's allocator ends empty",
      "batches kept after the scan, vectors or copies left open in the consumer's allocator, or results"
          + " released by the stream's close instead of by the consumer"),
  REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS(Role.WRAPPER, Spec.CONSUMER_RELEASE,
      "every step releases exactly the structs the exactly-once model releases, each once",
      "the operation named in the step: which release it skipped, or which struct it released twice"),
  REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL(Role.WRAPPER, Spec.MOVE,
      "after every step each handle owns exactly the batch the model says; an import hands on that"
          + " batch's values and row count",
      "moves that do not mark the source released, or that drop the target's content"),
  REQUIRED_WRAPPER_NEVER_RELEASES_CHILDREN(Role.WRAPPER, Spec.CONSUMER_RELEASE,
      "the wrapper never calls a child's or a dictionary's release; only the base struct's release does",
      "the wrapper's close, move-assign and import paths: release the base ArrowArray and ArrowSchema only,"
          + " never children[i] or dictionary"),
  REQUIRED_WRAPPER_REJECTS_MISUSE(Role.WRAPPER, Spec.RELEASED,
      "misuse throws IllegalStateException naming the handle or the frame (as a word), an injected fault"
          + " propagates, extraction allocates from the frame's allocator, nothing else throws",
      "the state checks at the top of the operation named in the step, and the names its messages use"),
  REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED(Role.WRAPPER, Spec.CONSUMER_RELEASE,
      "closing every handle and the frame releases every batch ever made, exactly once",
      "close() of handles and of the frame, and batches dropped on a failure path"),
  REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED(Role.STREAM_PRODUCER, Spec.STREAM_LIFETIME,
      "the producer never calls a callback it finds in the stream struct it is to fill (the kit plants a live"
          + " stream there): it overwrites that struct or refuses it",
      "the export's first lines: a release of whatever `out` held (the stream there is not the producer's to"
          + " release)"),
  REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES(Role.STREAM_PRODUCER, Spec.STREAM_RESULTS,
      "every schema and array the stream yields is a live base structure that reads as C Data; its release"
          + " sets release to NULL on it and on every child and dictionary, and calls each child's and the"
          + " dictionary's release exactly once; nothing else releases a child",
      "the release callback of the schemas and arrays get_schema and get_next fill, and code that releases"
          + " their children outside it (the stream's release, a later get_next)"),
  REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY(Role.STREAM_PRODUCER, Spec.STREAM_CALLBACKS,
      "get_next signals the end of the stream by returning 0 with a released array (release == NULL), and"
          + " says so again when called after the end",
      "get_next's end-of-stream branch: `out->release = NULL; return 0;`, also on every later call"),
  REQUIRED_STREAM_PRODUCER_FAILURE_RETURNS_AN_ERROR_CODE(Role.STREAM_PRODUCER, Spec.STREAM_ERROR_CODES,
      "when get_next fails (an allocation made to fail through the producer's fault hook), it returns a"
          + " non-zero error code, never 0 with a released array, which a consumer takes for the end",
      "get_next's error path: return the errno (ENOMEM, EIO, ...) instead of ending the stream"),
  REQUIRED_STREAM_PRODUCER_LAST_ERROR_STAYS_VALID(Role.STREAM_PRODUCER, Spec.STREAM_CALLBACKS,
      "after a failed get_next, get_last_error returns NULL or a NUL-terminated UTF-8 string that stays the"
          + " same until the next callback, and calling it again returns the same text without the"
          + " producer's memory growing",
      "where the message lives: a temporary freed on return, or a new copy on every call that is never freed;"
          + " keep one message in the stream's private data"),
  REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM(Role.STREAM_PRODUCER, Spec.STREAM_RESULTS,
      "with the stream released first, every schema and array it yielded is still live, reads with the"
          + " values read before, and is released exactly once by the kit",
      "the stream's release: buffers, dictionaries or private data the results still use, freed or"
          + " released with the stream"),
  REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL(Role.STREAM_PRODUCER, Spec.STREAM_LIFETIME,
      "the stream's release sets the stream's release to NULL",
      "the last line of the stream's release callback: `stream->release = NULL`"),
  REQUIRED_STREAM_PRODUCER_RELEASE_FREES_EVERYTHING(Role.STREAM_PRODUCER, Spec.STREAM_LIFETIME,
      "once the stream and everything it yielded are released, the producer holds no memory for them",
      "the stream's release callback: private_data, buffered batches and the last error message freed"),
  OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD(Role.STREAM_PRODUCER, Spec.THREADS,
      "the stream and every result released on a thread other than the producing one are each released once"
          + " and free everything",
      "thread-local or thread-confined state used by the stream's or the results' release callback"),
  OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET(Role.STREAM_PRODUCER, Spec.STREAM_LIFETIME,
      "handed a stream struct that is still live, the exporter refuses it (an error, the struct left as it"
          + " was) instead of writing over a stream whose owner can then no longer release it",
      "the export's entry: check `out->release == NULL` and fail with EINVAL otherwise"),
  // Failure paths and rejected input: producers that fail, consumers handed invalid input, adversarial streams.
  REQUIRED_PRODUCER_FAILURE_LEAVES_OUT_RELEASED_OR_UNTOUCHED(Role.PRODUCER, Spec.RELEASED,
      "with allocation #k of the producer failing, for every k until a run makes fewer allocations, a produce()"
          + " that fails leaves both structs released or untouched (release == NULL), and the producer holds no"
          + " more memory than before",
      "the producer's error paths: fill the caller's struct last (release set last of all), and free what was"
          + " built when anything fails; a parent made live before its children are filled stays live"),
  REQUIRED_CONSUMER_INVALID_INPUT_RELEASED_EXACTLY_ONCE(Role.CONSUMER, Spec.CONSUMER_RELEASE,
      "handed an invalid batch (unknown format, wrong buffer count, negative length, released child), the consumer"
          + " releases each base struct at most once and leaves the one it did not release live where the caller"
          + " put it, so that with the caller's release of what is left each is released exactly once; never a"
          + " child, no write after release, nothing left in the allocator",
      "the error path after the consumer moved a struct into its own memory (release what it moved, or leave the"
          + " struct untouched), and vectors made before the failure that still hold the batch's buffers"),
  OPTIONAL_CONSUMER_REJECTS_INVALID_INPUT_WHOLE(Role.CONSUMER, Spec.RELEASED,
      "the consumer refuses each invalid batch with an error, and then has released both base structs or neither,"
          + " never one of the two (the spec leaves the error contract to the API)",
      "validation before the first release or move, and one error path for both structs"),
  REQUIRED_STREAM_CONSUMER_RELEASES_EVERYTHING_ON_ERROR(Role.STREAM_CONSUMER, Spec.STREAM_ERROR_CODES,
      "when get_schema fails, get_next fails at once or part way (get_last_error giving a message or NULL), or"
          + " get_next fills out and then fails, the stream is released once, every schema and array obtained"
          + " with a success once, children never, and the allocator ends empty",
      "the consumer's error path: release the stream and what it obtained before reporting; a NULL from"
          + " get_last_error (the spec allows it)"),
  REQUIRED_STREAM_CONSUMER_READS_EMPTY_AND_UNEVEN_STREAMS(Role.STREAM_CONSUMER, Spec.STREAM_GET_NEXT,
      "a stream with no batch, and one whose batches differ in length (100, 0, 1, 37 rows), null count and"
          + " buffers (NULL where empty), are read without an error, and the stream and every result released once",
      "end of stream (a released array with a 0 return) before any batch, and code that assumes every batch has"
          + " the first one's length or buffers"),
  OPTIONAL_STREAM_CONSUMER_RELEASES_WHAT_A_FAILED_GET_NEXT_FILLED(Role.STREAM_CONSUMER, Spec.STREAM_GET_NEXT,
      "when get_next fills out and then returns an error, the consumer releases what it got, once, as Arrow C++'s"
          + " reader does (the spec is silent on it)",
      "after a failing get_next: release out if its release is not NULL (mark out released before the call)"),
  REQUIRED_STREAM_CONSUMER_RELEASES_INVALID_RESULTS_ONCE(Role.STREAM_CONSUMER, Spec.STREAM_RESULTS,
      "from a stream whose schema or first batch is invalid (unknown format, wrong buffer count, negative length,"
          + " released child), the stream and every schema and array obtained are released once, whether the"
          + " consumer rejects them or not",
      "the consumer's rejection path: what a successful get_schema or get_next gave is the consumer's to"
          + " release, valid or not");

  /** What a rule is about. */
  public enum Role { PRODUCER, CONSUMER, STREAM_CONSUMER, WRAPPER, STREAM_PRODUCER }

  /** The spec sections rules cite. */
  public enum Spec {
    RELEASED("C Data Interface, Released structure", "cdata", "released-structure"),
    CONSUMER_RELEASE("C Data Interface, Release callback semantics for consumers", "cdata",
        "release-callback-semantics-for-consumers"),
    PRODUCER_RELEASE("C Data Interface, Release callback semantics for producers", "cdata",
        "release-callback-semantics-for-producers"),
    MOVE("C Data Interface, Moving an array", "cdata", "moving-an-array"),
    THREADS("C Data Interface, Memory management (release is not bound to a thread)", "cdata", "memory-management"),
    STREAM_LIFETIME("C Stream Interface, Stream lifetime", "stream", "stream-lifetime"),
    STREAM_RESULTS("C Stream Interface, Result lifetimes", "stream", "result-lifetimes"),
    STREAM_CALLBACKS("C Stream Interface, The ArrowArrayStream structure", "stream", "the-arrowarraystream-structure"),
    STREAM_GET_NEXT("C Stream Interface, ArrowArrayStream.get_next", "stream", "c.ArrowArrayStream.get_next"),
    STREAM_ERROR_CODES("C Stream Interface, Error codes", "stream", "c-stream-interface-error-codes");

    private final String title;
    private final String url;

    Spec(String title, String page, String anchor) {
      this.title = title;
      this.url = "https://arrow.apache.org/docs/format/"
          + (page.equals("cdata") ? "CDataInterface" : "CStreamInterface") + ".html#" + anchor;
    }

    public String title() {
      return title;
    }

    public String url() {
      return url;
    }
  }

  private final Role role;
  private final Spec spec;
  private final String property;
  private final String check;

  Rule(Role role, Spec spec, String property, String check) {
    this.role = role;
    this.spec = spec;
    this.property = property;
    this.check = check;
  }

  /** The rule's name as reports print it, e.g. {@code required_producer_sets_release}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for a MUST of the spec; false for an {@code optional_} rule. */
  public boolean required() {
    return name().startsWith("REQUIRED_");
  }

  public Role role() {
    return role;
  }

  public Spec spec() {
    return spec;
  }

  /** The property, one sentence. */
  public String property() {
    return property;
  }

  /** The failure message for {@code observed}: rule, spec section, and what to look at. */
  public String failure(String observed) {
    return id() + " (" + spec.title() + "): " + observed + ". If this fails, check: " + check + ".";
  }

  @Override
  public String toString() {
    return id();
  }
}
