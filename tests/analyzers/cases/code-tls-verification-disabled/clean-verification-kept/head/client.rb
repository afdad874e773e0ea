require "net/http"

def fetch(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.verify_mode = OpenSSL::SSL::VERIFY_PEER
  conn = Faraday.new(uri.to_s, ssl: { verify: true })
  HTTParty.get(uri.to_s, follow_redirects: false)
end
