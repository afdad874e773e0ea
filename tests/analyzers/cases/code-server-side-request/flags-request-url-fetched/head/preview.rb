class PreviewController
  def show
    page = Net::HTTP.get(URI(params[:url]))
    hook = HTTParty.post(params[:callback], body: {})
    image = Faraday.get("https://#{params[:host]}/logo.png")
    render json: [page, hook, image]
  end
end
