class UsersController
  def index
    User.where(name: params[:name])
    User.where("name = ?", params[:name])
    User.find_by_sql("SELECT * FROM users")
  end
end
