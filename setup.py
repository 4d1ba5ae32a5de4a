from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["pipeline*"]), "pipeline.gazetteers_data"],
    package_dir={"pipeline.gazetteers_data": "gazetteers"},
)
