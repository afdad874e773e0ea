package auth

import "github.com/golang-jwt/jwt/v5"

func claims(token string, key []byte) (jwt.MapClaims, error) {
	parsed, err := jwt.Parse(token, func(t *jwt.Token) (interface{}, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return nil, err
	}
	signed := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{})
	_ = signed
	return parsed.Claims.(jwt.MapClaims), nil
}
