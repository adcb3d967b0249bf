"""The dashboard's widgets and screens: one module per pane, dialog or screen."""
