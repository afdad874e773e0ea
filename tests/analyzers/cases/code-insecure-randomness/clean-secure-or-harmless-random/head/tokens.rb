def reset(user, colors)
  user.reset_token = SecureRandom.hex(32)
  color = colors.sample
  delay = rand(1..5)
  { token: SecureRandom.uuid, color: color, delay: delay }
end
