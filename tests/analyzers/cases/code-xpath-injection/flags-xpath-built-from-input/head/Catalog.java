import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class Catalog {
    public Object find(HttpServletRequest request, Document doc) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String author = request.getParameter("author");
        Object a = xpath.evaluate("//book[author='" + author + "']/title", doc);
        Object b = xpath.compile("//book[@id='" + request.getParameter("id") + "']").evaluate(doc);
        String expression = String.format("//book[isbn='%s']", request.getParameter("isbn"));
        return new Object[] {a, b, xpath.evaluate(expression, doc)};
    }
}
