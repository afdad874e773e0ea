package auth

import "github.com/golang-jwt/jwt/v5"

func claims(token string) (jwt.MapClaims, error) {
	parsed, _, err := jwt.NewParser().ParseUnverified(token, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	_, _ = jwt.Parse(token, func(t *jwt.Token) (interface{}, error) { return jwt.UnsafeAllowNoneSignatureType, nil })
	signed := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{})
	_ = signed
	return parsed.Claims.(jwt.MapClaims), nil
}
