package api

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
)

func Upload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "no file"})
		return
	}
	if strings.ToLower(filepath.Ext(file.Filename)) != ".png" {
		c.JSON(http.StatusUnsupportedMediaType, gin.H{"error": "png only"})
		return
	}
	c.SaveUploadedFile(file, "/srv/uploads/latest.png")
	c.JSON(http.StatusOK, gin.H{"ok": true})
}
