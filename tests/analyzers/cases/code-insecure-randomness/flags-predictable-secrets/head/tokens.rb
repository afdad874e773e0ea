CHARS = ("a".."z").to_a

def reset(user)
  user.reset_token = CHARS.sample(32).join
  otp = rand(100_000..999_999)
  { session_id: Random.rand(2**64), user: user.id, otp: otp }
end
