package dev.arrowownership.contract;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An optional capability of a wrapper, declared by {@link OwnershipSubject#features()} (as Guava
 * testlib's {@code CollectionFeature}). Steps that need a feature are generated and enumerated
 * only for subjects that declare it, and reports name the features checked. Each feature lists the
 * subject methods it needs: a subject that declares a feature must override all of them, which
 * {@link #checkDeclared} verifies before any step runs.
 *
 * <p>A new capability is a new constant here with its methods, default methods in {@link
 * OwnershipSubject} that throw {@link #notImplemented}, and steps that require it ({@link #COPY} is
 * one).
 */
public enum SubjectFeature {
  /**
   * An output frame that owns batches until they are extracted: {@link OwnershipSubject#frameOf},
   * {@link OwnershipSubject#extract} and {@link OwnershipSubject#closeFrame}.
   */
  FRAME(true, new Signature("frameOf", BufferAllocator.class, String.class, List.class),
      new Signature("extract", Object.class), new Signature("closeFrame", Object.class)),
  /**
   * A copy of a handle, {@link OwnershipSubject#copy}: a capability a wrapper has where its language
   * copies values (a C++ class with a copy constructor). The model says a copy never owns: only a
   * move transfers a batch, and a move marks its source released so that "only one live copy of the
   * struct is active at any given time" (spec, <i>Moving an array</i>); a copy that also owns is two
   * owners of one batch, two release calls waiting to happen. Reports do not mention its absence: a wrapper
   * without a copy leaves nothing of the contract unchecked, it merely cannot break this rule.
   */
  COPY(false, new Signature("copy", Object.class));

  private final boolean reportedWhenAbsent;
  private final List<Signature> methods;

  SubjectFeature(boolean reportedWhenAbsent, Signature... methods) {
    this.reportedWhenAbsent = reportedWhenAbsent;
    this.methods = List.of(methods);
  }

  /** A subject method by name and erased parameter types. */
  private record Signature(String name, Class<?>... parameters) {}

  /** The names of the {@link OwnershipSubject} methods this feature needs. */
  public List<String> methodNames() {
    return methods.stream().map(Signature::name).toList();
  }

  /** What a default method of this feature throws: the subject, the method and the feature. */
  public UnsupportedOperationException notImplemented(OwnershipSubject<?, ?> subject, String method) {
    return new UnsupportedOperationException(subject.name() + " does not implement " + method + ", a method of feature "
        + this + "; implement " + String.join(", ", methodNames()) + " and declare " + this + " in features()");
  }

  /**
   * Steps of this feature are generated only for subjects that declare it: applying one anyway is
   * the caller's bug.
   *
   * @throws IllegalStateException if {@code declared} lacks this feature
   */
  void require(Set<SubjectFeature> declared, OwnershipSubject<?, ?> subject) {
    if (!declared.contains(this)) {
      throw new IllegalStateException(subject.name() + " does not declare " + this + ": "
          + name().toLowerCase(Locale.ROOT) + " steps cannot run on it");
    }
  }

  /**
   * The features {@code subject} declares, after checking it overrides every method of each.
   *
   * @throws IllegalArgumentException naming the subject, the feature and the methods missing
   */
  public static Set<SubjectFeature> checkDeclared(OwnershipSubject<?, ?> subject) {
    Set<SubjectFeature> declared = Objects.requireNonNull(subject.features(), () -> subject.name() + ".features()");
    Set<SubjectFeature> features = declared.isEmpty() ? EnumSet.noneOf(SubjectFeature.class) : EnumSet.copyOf(declared);
    for (SubjectFeature feature : features) {
      List<String> missing = new ArrayList<>();
      for (Signature method : feature.methods) {
        if (!overrides(subject.getClass(), method)) {
          missing.add(method.name());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(subject.name() + " declares feature " + feature + " but does not implement "
            + String.join(", ", missing) + " (OwnershipSubject's defaults throw UnsupportedOperationException)");
      }
    }
    return features;
  }

  /**
   * How a report names what was checked: {@code "features [FRAME]"}, or {@code "features [] (no frame
   * steps)"} when a feature whose absence leaves part of the contract unchecked is missing.
   */
  public static String describe(Set<SubjectFeature> features) {
    StringBuilder text = new StringBuilder("features " + features);
    EnumSet<SubjectFeature> absent = EnumSet.allOf(SubjectFeature.class);
    absent.removeAll(features);
    absent.stream().filter(a -> a.reportedWhenAbsent)
        .forEach(a -> text.append(" (no ").append(a.name().toLowerCase(Locale.ROOT)).append(" steps)"));
    return text.toString();
  }

  private static boolean overrides(Class<?> type, Signature method) {
    try {
      return type.getMethod(method.name(), method.parameters()).getDeclaringClass() != OwnershipSubject.class;
    } catch (NoSuchMethodException e) {
      throw new AssertionError("OwnershipSubject has no method " + method.name(), e);
    }
  }
}
