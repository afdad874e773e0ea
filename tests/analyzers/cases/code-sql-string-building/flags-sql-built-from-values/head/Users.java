import java.sql.Connection;
import java.sql.Statement;

class Users {
    void find(Connection conn, Statement st, String name, javax.servlet.http.HttpServletRequest request) throws Exception {
        st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        conn.prepareStatement("DELETE FROM users WHERE id = " + request.getParameter("id"));
        String sql = String.format("UPDATE users SET name = '%s'", name);
        st.executeUpdate(sql);
    }
}
