package dev.arrowownership.mutation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One mutant of PIT's {@code mutations.xml}: where it is, what it changed, and whether a test
 * detected it.
 */
record Mutant(String mutatedClass, String method, int line, String mutator, String description,
    String status, boolean detected) {

  /** The mutator's class name without its package, as the triage table writes it. */
  String mutatorName() {
    return mutator.substring(mutator.lastIndexOf('.') + 1);
  }

  /** The row that triages this mutant, with {@code reason} in the last column. */
  String asRow(String reason) {
    return "| `" + mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1) + "` | `" + method + "` | " + line
        + " | " + mutatorName() + " | " + reason + " (" + status + ": " + description + ") |";
  }

  /** Every mutant in a PIT XML report. */
  static List<Mutant> readAll(Path mutationsXml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList nodes = factory.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
      List<Mutant> mutants = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element e = (Element) nodes.item(i);
        mutants.add(new Mutant(text(e, "mutatedClass"), text(e, "mutatedMethod"),
            Integer.parseInt(text(e, "lineNumber")), text(e, "mutator"), text(e, "description"),
            e.getAttribute("status"), Boolean.parseBoolean(e.getAttribute("detected"))));
      }
      return mutants;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read PIT report " + mutationsXml + ": " + e.getMessage(), e);
    }
  }

  private static String text(Element mutation, String tag) {
    NodeList found = mutation.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
  }
}
