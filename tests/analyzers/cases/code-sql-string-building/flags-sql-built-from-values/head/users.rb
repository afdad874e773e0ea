class UsersController
  def index
    User.where("name = '#{params[:name]}'")
    User.find_by_sql("SELECT * FROM users WHERE id = #{params[:id]}")
    ActiveRecord::Base.connection.execute("DELETE FROM users WHERE email = '" + email + "'")
  end
end
