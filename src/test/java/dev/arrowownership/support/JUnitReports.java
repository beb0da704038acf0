package dev.arrowownership.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A JUnit XML report read back with the JDK's XML parser (not by string matching), so a test
 * asserts what a CI server would see: the suite's counts and each test case's outcome.
 */
public final class JUnitReports {
  private JUnitReports() {}

  /** One {@code <testsuite>}: its attributes and its test cases in order. */
  public record Suite(String name, int tests, int failures, int errors, int skipped, List<Case> cases) {
    /** The test cases that failed. */
    public List<Case> failed() {
      return cases.stream().filter(c -> c.failure().isPresent()).toList();
    }

    /** The test cases that were skipped. */
    public List<Case> skippedCases() {
      return cases.stream().filter(c -> c.skipped().isPresent()).toList();
    }
  }

  /**
   * One {@code <testcase>}.
   *
   * @param failure the {@code <failure>}'s message attribute, if it failed
   * @param failureBody the {@code <failure>}'s text, if it failed
   * @param skipped the {@code <skipped>}'s message, if it was skipped
   * @param systemOut the {@code <system-out>} text, if any
   */
  public record Case(String classname, String name, Optional<String> failure, Optional<String> failureBody,
      Optional<String> skipped, Optional<String> systemOut) {}

  /** Parses a report whose root is one {@code <testsuite>}; a malformed document fails the test. */
  public static Suite parse(String xml) {
    Element root = root(xml);
    if (!root.getTagName().equals("testsuite")) {
      throw new AssertionError("root element is <" + root.getTagName() + ">, not <testsuite>");
    }
    return suite(root);
  }

  /** Parses a report whose root is a {@code <testsuites>}: its suites in order; a malformed document fails the test. */
  public static List<Suite> parseAll(String xml) {
    Element root = root(xml);
    if (!root.getTagName().equals("testsuites")) {
      throw new AssertionError("root element is <" + root.getTagName() + ">, not <testsuites>");
    }
    List<Suite> suites = new ArrayList<>();
    NodeList children = root.getElementsByTagName("testsuite");
    for (int i = 0; i < children.getLength(); i++) {
      suites.add(suite((Element) children.item(i)));
    }
    return suites;
  }

  private static Element root(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("not a well-formed JUnit XML report: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private static Suite suite(Element suite) {
    List<Case> cases = new ArrayList<>();
    NodeList testCases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < testCases.getLength(); i++) {
      Element testCase = (Element) testCases.item(i);
      cases.add(new Case(testCase.getAttribute("classname"), testCase.getAttribute("name"),
          child(testCase, "failure").map(f -> f.getAttribute("message")), child(testCase, "failure").map(Element::getTextContent),
          child(testCase, "skipped").map(s -> s.getAttribute("message")), child(testCase, "system-out").map(Element::getTextContent)));
    }
    return new Suite(suite.getAttribute("name"), count(suite, "tests"), count(suite, "failures"), count(suite, "errors"),
        count(suite, "skipped"), cases);
  }

  private static int count(Element suite, String attribute) {
    return Integer.parseInt(suite.getAttribute(attribute));
  }

  private static Optional<Element> child(Element testCase, String tag) {
    NodeList children = testCase.getElementsByTagName(tag);
    return children.getLength() == 0 ? Optional.empty() : Optional.of((Element) children.item(0));
  }
}
