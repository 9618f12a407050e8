from forebygg.geo.domain.svg import geometry_to_svg_path, project


def test_the_central_meridian_projects_to_x_zero():
    x, y = project(15.0, 60.0)
    assert x == 0.0
    assert round(y, 1) == round((69.2 - 60.0) * 111.32, 1)


def test_a_degree_of_longitude_shrinks_with_latitude():
    x_south, _ = project(16.0, 56.0)
    x_north, _ = project(16.0, 68.0)
    assert x_south > x_north > 0


def test_a_polygon_becomes_one_closed_path_without_repeated_points():
    square = {
        "type": "Polygon",
        "coordinates": [
            [[15, 60], [15.5, 60], [15.5, 60.0000001], [15.5, 60.5], [15, 60.5], [15, 60]]
        ],
    }
    path = geometry_to_svg_path(square)
    assert path.startswith("M0.0 1024.1L")
    assert path.endswith("Z")
    assert path.count("L") == 4


def test_a_viewbox_frames_the_paths_with_a_margin():
    from forebygg.geo.domain.svg import viewbox_around

    assert viewbox_around(["M0.0 10.0L20.0 10.0L20.0 40.0Z", "M-5.5 12.0L1 2Z"], margin=1) == (
        "-6 1 28 40"
    )
