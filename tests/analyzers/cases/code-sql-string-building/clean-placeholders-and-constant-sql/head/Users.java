import java.sql.Connection;
import java.sql.PreparedStatement;

class Users {
    void find(Connection conn, String name, String sql) throws Exception {
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        conn.createStatement().executeQuery("SELECT count(*) FROM users");
        conn.createStatement().execute(sql);
        executor.execute("job-" + name);
    }
}
