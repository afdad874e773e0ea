require "net/http"

def fetch(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
  conn = Faraday.new(uri.to_s, ssl: { verify: false })
  HTTParty.get(uri.to_s, verify: false)
end
