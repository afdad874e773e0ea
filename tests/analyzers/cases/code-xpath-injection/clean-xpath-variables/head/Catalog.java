import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class Catalog {
    public Object find(HttpServletRequest request, Document doc) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        Object all = xpath.evaluate("//book/title", doc);
        String author = request.getParameter("author").replace("'", "&apos;");
        return new Object[] {all, xpath.evaluate("//book[author='" + author + "']", doc)};
    }
}
